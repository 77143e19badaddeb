package org.infodesk.app.sync.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.i18n.Messages;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;
import org.infodesk.protocol.wire.WireFinding;

/**
 * The server's refusal kept with an outbox item or a carried envelope (its {@code ItemOutcome},
 * SPEC §4.6), read back for a screen: the sync screen's and the district relay screen's.
 */
public final class Refusals {

    /** What the server said: its outcome, and why in the user's language. */
    public record Said(Outcome outcome, String why) {}

    private Refusals() {}

    /**
     * The reasons: the rules' findings, the head a conflict named, else the problem's code and
     * detail. Empty when no refusal is kept or it no longer reads.
     */
    public static Optional<Said> of(String refusal, Messages m) {
        if (refusal == null) {
            return Optional.empty();
        }
        try {
            ItemOutcome outcome = WireCodec.read(refusal.getBytes(StandardCharsets.UTF_8), ItemOutcome.class);
            List<String> reasons = new ArrayList<>();
            for (WireFinding f : outcome.findings()) {
                reasons.add(m.english() ? f.message().en() : f.message().th());
            }
            if (outcome.conflictHead() != null) {
                reasons.add(m.get("sync.refused.head", outcome.conflictHead().revision()));
            }
            if (reasons.isEmpty()) {
                reasons.add(outcome.problemCode() + (outcome.detail() == null ? "" : ": " + outcome.detail()));
            }
            return Optional.of(new Said(outcome.outcome(), String.join("; ", reasons)));
        } catch (WireException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
