package cn.perftarget.process.identity;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.Page;

/** The criteria of Camunda's identity queries applied in memory: equal, SQL LIKE ({@code %}, {@code _}), paging. */
final class Matching {

    private Matching() {
    }

    static boolean equal(String criterion, String value) {
        return criterion == null || criterion.equals(value);
    }

    static boolean like(String criterion, String value) {
        if (criterion == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : criterion.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    static boolean in(String[] criterion, String value) {
        return criterion == null || List.of(criterion).contains(value);
    }

    static <T> List<T> page(Stream<T> all, Page page) {
        return page == null ? all.toList() : all.skip(Math.max(0, page.getFirstResult()))
                .limit(Math.max(0, page.getMaxResults())).toList();
    }
}
