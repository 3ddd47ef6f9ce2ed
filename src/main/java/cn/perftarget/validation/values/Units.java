package cn.perftarget.validation.values;

import cn.perftarget.validation.rule.Vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What forms/vocabulary/units.json says about units: their spellings (百分比 is %), the separators that stand for
 * the middle dot after a slash (元/人*月, 元/人.天 and 元/人/天 are 元/人·月 and 元/人·天), and the family (量纲)
 * each unit belongs to, so that 亩 and 万亩 agree while 个 and 人 do not.
 */
public final class Units {

    private static final Map<String, String> FAMILY = new HashMap<>();
    private static final Map<String, String> SPELLING = new HashMap<>();
    private static final String SEPARATORS;
    // A unit carried by an indicator's name: in brackets, after template marks such as ≥**, e.g. 受益人数(≥**人).
    private static final Pattern BRACKETED = Pattern.compile("[（(]([^（）()]*)[)）]");
    private static final Pattern TRAILING = Pattern.compile("[0-9０-９]+([^0-9０-９]{1,6})$");
    // Every rule that asks about a name asks on every indicator: read each name once (bounded, names repeat).
    private static final Map<String, String> OF_NAME = new ConcurrentHashMap<>();
    private static final String NONE = "";
    private static final int MAX_NAMES = 10_000;

    static {
        var file = Vocabulary.file("units");
        file.path("families").forEach(family -> family.path("units")
                .forEach(unit -> FAMILY.put(unit.asText(), family.path("family").asText())));
        file.path("spellings").forEach(s -> SPELLING.put(s.path("spelling").asText(), s.path("unit").asText()));
        SEPARATORS = file.path("separators").path("characters").asText();
    }

    private Units() {
    }

    /** The unit as the vocabulary spells it: 百分比 → %, and any separator after the first slash → ·. */
    public static String normalize(String unit) {
        if (unit.isEmpty()) {
            return unit;
        }
        String spelled = SPELLING.getOrDefault(unit, unit);
        int slash = spelled.indexOf('/');
        if (slash < 0) {
            return spelled;
        }
        var out = new StringBuilder(spelled.length()).append(spelled, 0, slash + 1);
        for (int i = slash + 1; i < spelled.length(); i++) {
            char c = spelled.charAt(i);
            out.append(SEPARATORS.indexOf(c) >= 0 && i > slash + 1 && i < spelled.length() - 1 ? '·' : c);
        }
        return out.toString();
    }

    /** The name without a bracketed remark at its end (受益人口数(含监测对象) → 受益人口数), without a regex per call. */
    public static String withoutTrailingBracket(String name) {
        String v = name.strip();
        if (v.isEmpty() || (v.charAt(v.length() - 1) != ')' && v.charAt(v.length() - 1) != '）')) {
            return v;
        }
        int open = Math.max(v.lastIndexOf('('), v.lastIndexOf('（'));
        return open < 0 ? v : v.substring(0, open).strip();
    }

    /** The family of a simple unit (人, 万亩) or of the numerator of a compound one (元 of 元/人·月), else null. */
    public static String family(String unit) {
        String u = normalize(unit);
        int slash = u.indexOf('/');
        return FAMILY.get(slash < 0 ? u : u.substring(0, slash));
    }

    public static boolean isCompound(String unit) {
        return normalize(unit).indexOf('/') >= 0;
    }

    /** Whether the text is a unit and nothing else: a known unit, or a compound of known units (元/人·月). */
    public static boolean isUnit(String text) {
        String u = normalize(text);
        if (FAMILY.containsKey(u)) {
            return true;
        }
        String[] parts = u.split("[/·]");
        return parts.length > 1 && List.of(parts).stream().allMatch(FAMILY::containsKey);
    }

    /** The unit an indicator's name carries, in brackets (受益人数(人), 成活率(≥**%)) or after a number (干部230人), else null. */
    public static String ofName(String name) {
        if (name == null) {
            return null;
        }
        String cached = OF_NAME.get(name);
        if (cached == null) {
            cached = read(name);
            if (OF_NAME.size() < MAX_NAMES) {
                OF_NAME.put(name, cached == null ? NONE : cached);
            }
            return cached;
        }
        return cached.isEmpty() ? null : cached;
    }

    private static String read(String name) {
        String found = null;
        Matcher m = BRACKETED.matcher(name);
        while (m.find()) {
            String inside = m.group(1).replaceAll("[\\s*＊≥≤≧≦<>＜＞=＝]", "");
            if (!inside.isEmpty() && isUnit(inside)) {
                found = normalize(inside);
            }
        }
        if (found != null) {
            return found;
        }
        Matcher trailing = TRAILING.matcher(name.strip());
        return trailing.find() && isUnit(trailing.group(1)) ? normalize(trailing.group(1)) : null;
    }
}
