package cn.perftarget.storage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The settings an H2 file URL needs so that every acknowledged commit survives {@code kill -9} and an orderly
 * shutdown closes the database after the application, not before it:
 * <ul>
 * <li>{@code WRITE_DELAY=0}: H2 2.x writes a commit to its file at once (the default of 500 ms keeps the last half
 * second of commits in memory, which a crash loses);</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own JVM shutdown hook would close the database while Spring still stops
 * the web server, the job executor and the engine; the connection pool closes it last instead.</li>
 * </ul>
 * A URL that leaves them out gets them; a URL that asks for the opposite is refused, because the operator asked for
 * something we cannot honour silently.
 * <p>
 * It also gets {@code QUERY_CACHE_SIZE=128} unless it sets its own: H2 keeps the parsed statements of each connection
 * in a cache of 8 by default, far fewer than the engine's and our statements of one lifecycle, so it parsed most SQL
 * again on every call (a tenth of the CPU of a lifecycle in issue 12's profile). A matter of speed only, so any value
 * the operator gives is kept.
 */
final class DurableH2Url {

    static final Map<String, String> REQUIRED = Map.of("WRITE_DELAY", "0", "DB_CLOSE_ON_EXIT", "FALSE");
    static final Map<String, String> TUNING = Map.of("QUERY_CACHE_SIZE", "128");

    private DurableH2Url() {
    }

    /** Whether the URL names an H2 database that lives in files (not {@code mem:}). */
    static boolean isH2Files(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return false;
        }
        String rest = url.substring(8).toLowerCase(Locale.ROOT);
        return !rest.startsWith("mem:") && !rest.startsWith("tcp://localhost/mem:") && !rest.contains("/mem:");
    }

    /** The URL with the durability settings added; refuses a URL that weakens them. */
    static String apply(String url) {
        if (!isH2Files(url)) {
            return url;
        }
        int semicolon = url.indexOf(';');
        String database = semicolon < 0 ? url : url.substring(0, semicolon);
        refuseWeakFileSystem(database);
        Map<String, String> settings = new LinkedHashMap<>();
        if (semicolon >= 0) {
            for (String part : url.substring(semicolon + 1).split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int equals = part.indexOf('=');
                String name = (equals < 0 ? part : part.substring(0, equals)).trim().toUpperCase(Locale.ROOT);
                settings.put(name, equals < 0 ? "" : part.substring(equals + 1).trim());
            }
        }
        var result = new StringBuilder(url);
        REQUIRED.forEach((name, value) -> {
            String given = settings.get(name);
            if (given == null) {
                result.append(';').append(name).append('=').append(value);
            } else if (!given.equalsIgnoreCase(value)) {
                throw new IllegalStateException("数据库地址 spring.datasource.url 中的 " + name + "=" + given
                        + " 会使已确认的提交在进程崩溃或关闭时丢失，请去掉该设置或改为 " + name + "=" + value
                        + "（the H2 setting " + name + "=" + given + " in spring.datasource.url weakens durability;"
                        + " remove it or use " + name + "=" + value + "）");
            }
        });
        TUNING.forEach((name, value) -> {
            if (!settings.containsKey(name)) {
                result.append(';').append(name).append('=').append(value);
            }
        });
        if ("NO".equalsIgnoreCase(settings.get("FILE_LOCK"))) {
            throw new IllegalStateException("数据库地址 spring.datasource.url 中的 FILE_LOCK=NO 允许两个进程同时写同一数据库文件，"
                    + "会损坏数据，请去掉该设置（FILE_LOCK=NO in spring.datasource.url lets two processes write one file; remove it）");
        }
        return result.toString();
    }

    private static void refuseWeakFileSystem(String database) {
        String path = database.substring(8).toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"async:", "memfs:", "memlzf:", "niomemfs:", "niomemlzf:"}) {
            if (path.startsWith(prefix) || path.startsWith("file:" + prefix)) {
                throw new IllegalStateException("数据库地址 spring.datasource.url 使用的 H2 文件系统“" + prefix
                        + "”不保证提交写入磁盘，请改用 jdbc:h2:file:（the H2 file system \"" + prefix
                        + "\" in spring.datasource.url does not keep commits; use jdbc:h2:file:）");
            }
        }
    }
}
