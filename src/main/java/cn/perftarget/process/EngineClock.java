package cn.perftarget.process;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" as the engine's timers see it ({@code ${engineClock.isAhead(...)}} in the BPMN), so that the gateways that
 * decide whether to wait and the timers that wait agree, and tests can move time instead of waiting.
 */
@Component("engineClock")
public class EngineClock {

    public boolean isAhead(Date when) {
        return when.after(ClockUtil.getCurrentTime());
    }
}
