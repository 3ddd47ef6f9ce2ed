package cn.perftarget.audit;

import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.perftarget.audit.anchor.AnchorKeeper;

/** The signed anchors of the chain heads: the latest one, and a new one on demand (a schedule writes them too). */
@Service
public class AuditAnchors {

    private final AnchorKeeper keeper;

    AuditAnchors(AnchorKeeper keeper) {
        this.keeper = keeper;
    }

    /** The anchor last written, if its signature holds; empty before the first one. */
    public Optional<AuditAnchor> latest() {
        return keeper.latestValid();
    }

    /**
     * Anchors the current heads now and returns the anchor in force. A chain that contradicts the previous anchor
     * (shorter, or different at the anchored event) keeps its previous head, so the evidence is never overwritten.
     * Empty when the anchor file's signature does not hold: it is then left untouched.
     */
    public Optional<AuditAnchor> anchorNow() {
        return keeper.write();
    }
}
