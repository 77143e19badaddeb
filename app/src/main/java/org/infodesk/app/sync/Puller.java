package org.infodesk.app.sync;

import java.time.Duration;
import java.util.Objects;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.PullResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls what the server has for this device (SPEC §4.8): page after page while the server says
 * there is more, each page applied with its cursor in one transaction, so that a page lost on the
 * way or a process killed between pages is pulled again and applied without effect. A cursor the
 * server does not know makes it start from the beginning, once.
 *
 * <p>When the pages are applied, each questionnaire definition they named that this installation
 * does not hold is fetched ({@code getDefinition}), its bytes checked against the digest the change
 * named, read and checked by the shared definition reader and compiler (sync-protocol), and
 * stored; last year's values that waited for it are applied then. A definition that fails a check
 * is set aside with its problem and does not stop the others; no answer leaves it to fetch next time.
 */
public final class Puller {

    /** The most pages one pull takes before it lets others have the link (it goes on next time). */
    static final int MOST_PAGES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Puller.class);

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
                    Result fetched = fetchDefinitions();
                    return fetched != null ? fetched : new Result.Pulled(applied, false);
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

    /**
     * Fetches the definitions to fetch, one by one; null when each was stored or set aside, else
     * what stopped the fetching (a refusal a person must deal with, or no answer).
     */
    private Result fetchDefinitions() throws StoreException {
        for (Change.NewDefinition wanted : pulls.definitionsToFetch()) {
            Exchange<byte[]> exchange = link.definition(token, wanted.definitionId(), wanted.fiscalYear(), wanted.version());
            if (exchange instanceof Exchange.Answered<byte[]> answered) {
                String problem = problem(wanted, answered.value());
                if (problem == null) {
                    pulls.definitionFetched(new ReceivedDefinition(wanted.definitionId(), wanted.fiscalYear(),
                            wanted.version(), wanted.digest(), answered.value()));
                } else {
                    LOG.warn("definition {} set aside: {}", key(wanted), problem);
                    pulls.definitionRefused(wanted, problem);
                }
            } else if (exchange instanceof Exchange.Refused<byte[]> refused) {
                if (refused.problem() != null && refused.problem().code() == ProblemCode.NOT_FOUND) {
                    LOG.warn("definition {} set aside: the server does not serve it", key(wanted));
                    pulls.definitionRefused(wanted, "the server does not serve it: " + refused.problem().detail());
                } else {
                    return new Result.Refused(refused.action(), refused.problem());
                }
            } else {
                Exchange.RetryLater<byte[]> later = (Exchange.RetryLater<byte[]>) exchange;
                return new Result.Later(later.trouble(), later.notBefore(), later.detail());
            }
        }
        return null;
    }

    /** Why fetched bytes cannot be taken as the definition a change named; null when they can. */
    static String problem(Change.NewDefinition wanted, byte[] document) {
        String digest = ReceivedDefinition.sha256(document);
        if (!digest.equals(wanted.digest())) {
            return "its bytes have SHA-256 " + digest + ", not " + wanted.digest() + " as the change said";
        }
        Definition definition;
        try {
            definition = Questionnaire.load(document).definition();
        } catch (DefinitionException e) {
            return "it is not a valid definition: " + e.getMessage();
        }
        if (!definition.key().equals(key(wanted))) {
            return "the document is " + definition.key() + ", not " + key(wanted);
        }
        return null;
    }

    private static String key(Change.NewDefinition d) {
        return ReceivedDefinition.key(d.definitionId(), d.fiscalYear(), d.version());
    }
}
