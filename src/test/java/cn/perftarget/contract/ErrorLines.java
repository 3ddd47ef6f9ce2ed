package cn.perftarget.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** Every ERROR line the application logs while attached: a request that logs one has found a defect. */
public final class ErrorLines extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public static ErrorLines attach() {
        var lines = new ErrorLines();
        var root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        lines.setContext(root.getLoggerContext());
        lines.setName("property-test-errors");
        lines.start();
        root.addAppender(lines);
        return lines;
    }

    public void detach() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            lines.add(event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ": "
                    + event.getThrowableProxy().getMessage() + ")"));
        }
    }

    public int count() {
        return lines.size();
    }

    public List<String> since(int index) {
        return List.copyOf(lines.subList(Math.min(index, lines.size()), lines.size()));
    }
}
