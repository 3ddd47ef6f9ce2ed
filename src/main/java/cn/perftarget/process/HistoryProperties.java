package cn.perftarget.process;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeToLiveDays how long the engine keeps the history of finished process instances and decisions;
 *                       auditors need years (default 3650, ten years)
 */
@ConfigurationProperties(prefix = "perftarget.history")
record HistoryProperties(Integer timeToLiveDays) {

    HistoryProperties {
        timeToLiveDays = timeToLiveDays == null ? 3650 : timeToLiveDays;
    }
}
