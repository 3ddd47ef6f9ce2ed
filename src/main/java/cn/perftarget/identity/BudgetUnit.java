package cn.perftarget.identity;

import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of budget_unit (V13__organisation.sql). The code never changes: declarations refer to it. */
@Entity
@Table(name = "budget_unit")
class BudgetUnit {

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private UnitKind kind;
    private String parentCode;
    private boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "finance_oversight", joinColumns = @JoinColumn(name = "finance_unit"))
    @Column(name = "department")
    private Set<String> oversees = new TreeSet<>();
    /** Null until persisted, so that a new row is inserted without a look-up first. */
    @Version
    private Long lockVersion;

    protected BudgetUnit() {
    }

    BudgetUnit(String code, String name, UnitKind kind, String parentCode, Set<String> oversees) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentCode = parentCode;
        this.active = true;
        this.oversees = new TreeSet<>(oversees);
    }

    Unit view() {
        return new Unit(code, name, kind, parentCode, active, oversees);
    }

    void change(String name, String parentCode, boolean active, Set<String> oversees) {
        this.name = name;
        this.parentCode = parentCode;
        this.active = active;
        this.oversees.clear();
        this.oversees.addAll(oversees);
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }
}
