package cn.perftarget.declaration;

import java.time.Instant;

/** The open review task of a declaration, as the engine holds it: its step, due date and escalation. */
public record ReviewTaskInfo(String taskKey, String name, Instant created, Instant due, boolean escalated) {
}
