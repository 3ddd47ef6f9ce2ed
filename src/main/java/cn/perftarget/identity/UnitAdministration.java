package cn.perftarget.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.perftarget.audit.AuditAction;
import cn.perftarget.audit.AuditTrail;

/**
 * Administrators' changes of the budget units: add, rename, move, deactivate, 归口, and a CSV import of many; each
 * change is an event of the general audit chain with what it was before and after. Units are never deleted (the
 * declarations filed for them refer to them).
 */
@Service
@Transactional
public class UnitAdministration {

    /** The header of a units CSV; {@code oversees} lists 主管部门 codes separated by {@code |}. */
    public static final List<String> CSV_HEADER = List.of("code", "name", "kind", "parent", "oversees");

    private final BudgetUnits units;
    private final Directory directory;
    private final AuditTrail audit;
    private final OrganisationVersion version;

    UnitAdministration(BudgetUnits units, Directory directory, AuditTrail audit, OrganisationVersion version) {
        this.units = units;
        this.directory = directory;
        this.audit = audit;
        this.version = version;
    }

    @Transactional(readOnly = true)
    public List<Unit> list() {
        return List.copyOf(directory.units().all());
    }

    /** A new unit; a code already taken is a conflict naming that unit (changing one is {@link #change}). */
    public Unit create(Actor admin, UnitCommand command) {
        if (command.code() != null && directory.units().unit(command.code()).isPresent()) {
            throw OrganisationProblem.exists("/code", "单位代码 " + command.code() + " 已存在，未做修改；修改已有单位请用 PUT "
                    + "/api/admin/units/" + command.code(), "/api/admin/units/" + command.code());
        }
        return apply(admin, List.of(new Numbered(null, command, true))).get(0);
    }

    /** Renames, moves, (de)activates a unit or sets its 归口; what the command leaves null stays as it is. */
    public Unit change(Actor admin, String code, UnitCommand command) {
        var before = directory.units().unit(code).orElseThrow(() -> OrganisationProblem.notFound("单位 " + code + " 不存在"));
        var merged = new UnitCommand(code, command.name() == null ? before.name() : command.name(),
                command.kind() == null ? before.kind() : command.kind(),
                command.parent() == null ? before.parent() : command.parent(),
                command.active() == null ? before.active() : command.active(),
                command.oversees() == null ? List.copyOf(before.oversees()) : command.oversees());
        return apply(admin, List.of(new Numbered(null, merged, false))).get(0);
    }

    /** Creates or changes every unit of the CSV (header {@link #CSV_HEADER}), or none when any line is bad. */
    public List<Unit> importCsv(Actor admin, String csv) {
        var rows = Csv.parse(csv);
        if (rows.isEmpty() || !rows.get(0).cells().stream().map(String::strip).toList().equals(CSV_HEADER)) {
            throw new OrganisationProblem(OrganisationProblem.Kind.INVALID, "CSV 第 1 行应为表头 "
                    + String.join(",", CSV_HEADER), List.of(new OrganisationProblem.Error(null, 1, "表头应为 "
                    + String.join(",", CSV_HEADER))));
        }
        var existing = directory.units();
        List<Numbered> commands = new ArrayList<>();
        List<OrganisationProblem.Error> errors = new ArrayList<>();
        for (var row : rows.subList(1, rows.size())) {
            UnitKind kind = kindOf(row.cell(2));
            if (kind == null && !row.cell(2).isEmpty()) {
                errors.add(new OrganisationProblem.Error("/kind", row.line(), "第 " + row.line() + " 行：单位类别“"
                        + row.cell(2) + "”无效，应为 主管部门、二级单位、财政业务科室、绩效科（或其英文名）"));
                continue;
            }
            String code = row.cell(0);
            var before = existing.unit(code);
            commands.add(new Numbered(row.line(), new UnitCommand(code, row.cell(1), kind == null && before.isPresent()
                    ? before.get().kind() : kind, blankToNull(row.cell(3)), null, split(row.cell(4))), before.isEmpty()));
        }
        return apply(admin, commands, errors);
    }

    private record Numbered(Integer line, UnitCommand command, boolean creating) {
    }

    private List<Unit> apply(Actor admin, List<Numbered> commands) {
        return apply(admin, commands, new ArrayList<>());
    }

    /** Checks every command against the organisation as the earlier ones leave it; saves all or none. */
    private List<Unit> apply(Actor admin, List<Numbered> commands, List<OrganisationProblem.Error> errors) {
        Map<String, Unit> tree = new TreeMap<>();
        directory.units().all().forEach(u -> tree.put(u.code(), u));
        Map<String, Unit> before = new LinkedHashMap<>();
        Map<String, Unit> after = new LinkedHashMap<>();
        for (var numbered : commands) {
            var c = numbered.command();
            var previous = c.code() == null ? null : tree.get(c.code());
            if (numbered.creating() && previous != null) {
                errors.add(error(numbered.line(), "/code", "单位代码 " + c.code() + " 已存在"));
                continue;
            }
            var unit = new Unit(c.code(), c.name(), c.kind(), c.parent(), c.active() == null || c.active(),
                    c.oversees() == null ? Set.of() : new LinkedHashSet<>(c.oversees()));
            var working = new TreeMap<>(tree);
            if (unit.code() != null) {
                working.put(unit.code(), unit);
            }
            var problems = OrganisationRules.unit(unit, previous, working);
            problems.forEach(p -> errors.add(error(numbered.line(), p.path(), p.message())));
            if (problems.isEmpty()) {
                tree.put(unit.code(), unit);
                before.putIfAbsent(unit.code(), previous);
                after.put(unit.code(), unit);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(e -> e.line() == null ? 0 : e.line()));
            throw new OrganisationProblem(OrganisationProblem.Kind.INVALID, errors.get(0).message()
                    + (errors.size() > 1 ? "（共 " + errors.size() + " 处错误）" : "") + "；未做任何修改", errors);
        }
        after.values().forEach(unit -> save(admin, before.get(unit.code()), unit));
        if (!after.isEmpty()) {
            version.bump();
        }
        return List.copyOf(after.values());
    }

    private void save(Actor admin, Unit before, Unit unit) {
        if (before == null) {
            units.saveAndFlush(new BudgetUnit(unit.code(), unit.name(), unit.kind(), unit.parent(), unit.oversees()));
            audit.record(Changes.entry(admin, AuditAction.UNIT_CREATED, "单位 " + unit.code(), null, unit));
        } else if (!before.equals(unit)) {
            units.findById(unit.code()).orElseThrow().change(unit.name(), unit.parent(), unit.active(), unit.oversees());
            units.flush();
            audit.record(Changes.entry(admin, AuditAction.UNIT_CHANGED, "单位 " + unit.code(), before, unit));
        }
    }

    private static OrganisationProblem.Error error(Integer line, String path, String message) {
        return new OrganisationProblem.Error(path, line, line == null ? message : "第 " + line + " 行：" + message);
    }

    static UnitKind kindOf(String text) {
        for (UnitKind kind : UnitKind.values()) {
            if (kind.name().equalsIgnoreCase(text) || kind.label().equals(text)) {
                return kind;
            }
        }
        return null;
    }

    static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : java.util.Arrays.stream(cell.split("\\|")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
