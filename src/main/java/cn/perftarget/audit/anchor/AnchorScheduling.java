package cn.perftarget.audit.anchor;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Anchors are written on a schedule ({@code perftarget.audit.anchor.interval}). */
@Configuration
@EnableScheduling
class AnchorScheduling {
}
