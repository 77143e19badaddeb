package org.infodesk.app.sync;

import java.time.Duration;
import java.util.Objects;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.PullResponse;

/**
 * Pulls what the server has for this device (SPEC §4.8): page after page while the server says
 * there is more, each page applied with its cursor in one transaction, so that a page lost on the
 * way or a process killed between pages is pulled again and applied without effect. A cursor the
 * server does not know makes it start from the beginning, once.
 */
public final class Puller {

    /** The most pages one pull takes before it lets others have the link (it goes on next time). */
    static final int MOST_PAGES = 200;

    /** What a pull came to. */
    public sealed interface Result {
        /** Everything the server had was applied ({@code changes} of them, this time). */
        record Pulled(int changes, boolean more) implements Result {}

        /** The server refused in a way a person must deal with (enrolment, update, proxy). */
        record Refused(Exchange.Action action, Problem problem) implements Result {}

        /** No answer; try again later, not before {@code notBefore}. */
        record Later(Exchange.Trouble trouble, Duration notBefore, String detail) implements Result {}
    }

    private final ServerLink link;
    private final String token;
    private final PullRepository pulls;

    public Puller(ServerLink link, ServerAccount account, PullRepository pulls) {
        this.link = Objects.requireNonNull(link);
        this.token = account.enrolment().token();
        this.pulls = Objects.requireNonNull(pulls);
    }

    public Result pull() throws StoreException {
        int applied = 0;
        boolean restarted = false;
        for (int page = 0; page < MOST_PAGES; page++) {
            Exchange<PullResponse> exchange = link.pull(token, pulls.cursor());
            if (exchange instanceof Exchange.Answered<PullResponse> answered) {
                PullResponse response = answered.value();
                pulls.apply(response.changes(), response.cursor());
                applied += response.changes().size();
                if (!response.more()) {
                    return new Result.Pulled(applied, false);
                }
            } else if (exchange instanceof Exchange.Refused<PullResponse> refused) {
                if (refused.action() == Exchange.Action.PULL_FROM_START && !restarted) {
                    pulls.forgetCursor();
                    restarted = true;
                } else {
                    return new Result.Refused(refused.action(), refused.problem());
                }
            } else {
                Exchange.RetryLater<PullResponse> later = (Exchange.RetryLater<PullResponse>) exchange;
                return new Result.Later(later.trouble(), later.notBefore(), later.detail());
            }
        }
        return new Result.Pulled(applied, true);
    }
}
