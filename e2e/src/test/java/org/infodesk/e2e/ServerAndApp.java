package org.infodesk.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/**
 * The whole loop on one machine: the reference server on loopback on its zero-set-up default (an
 * embedded PostgreSQL in its data folder) with the Phitsanulok sample registry, and an office's
 * app store with certified domains, enrolled with the server.
 */
final class ServerAndApp implements AutoCloseable {

    static final String LAO = CertificationFixture.INFRASTRUCTURE.lao();

    final InfoDeskServer server;
    final CertificationFixture app;
    final SqliteAccountRepository accounts;
    private boolean appClosed;

    ServerAndApp(Path serverData, Path appData) throws Exception {
        ServerConfig config = ServerConfig.resolve(null, Map.of(), Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", serverData.toString()));
        server = InfoDeskServer.start(config);
        new Registry(server.database().dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
        app = new CertificationFixture(appData);
        accounts = new SqliteAccountRepository(app.store);
    }

    HttpUrl serverUrl() {
        return HttpUrl.get("http://127.0.0.1:" + server.port() + "/");
    }

    /** A one-time enrolment code the server issued for the office's LAO. */
    String issueCode() throws Exception {
        return new Enrolment(server.database().dataSource(), Clock.systemUTC())
                .issue(new Enrolment.Target.OfLao(LAO), Duration.ofDays(1)).code();
    }

    /** Enrols the app with a code the server issued for its LAO, directly (not through a bad link). */
    ServerAccount enrol() throws Exception {
        String code = issueCode();
        EnrolmentService enrolment = new EnrolmentService(accounts, app.keys,
                url -> new ServerLink(new OkHttpClient(), url, Clock.systemUTC()), Clock.systemUTC());
        EnrolmentService.Result result = enrolment.enrol(serverUrl().toString(), code, LAO, null, "PC กองคลัง");
        if (!(result instanceof EnrolmentService.Result.Enrolled enrolled)) {
            throw new AssertionError("not enrolled: " + result);
        }
        return enrolled.account();
    }

    /**
     * Certifies {@code count} revisions in all: each domain of the sample that certifies, then
     * amended and certified again, round after round, as an office that corrects its data does.
     */
    List<String> certify(int count) throws Exception {
        List<DomainKey> domains = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Domain domain : StoreFixture.DEFINITION.domains()) {
            DomainKey key = new DomainKey(LAO, 2564, domain.id());
            app.enterSample(key);
            if (certifyOnce(key, ids)) {
                domains.add(key);
            }
        }
        while (ids.size() < count) {
            for (DomainKey key : domains) {
                if (ids.size() == count) {
                    break;
                }
                app.certifications.amend(key, "somsri");
                if (!certifyOnce(key, ids)) {
                    throw new AssertionError("an amended revision of " + key + " did not certify");
                }
            }
        }
        return ids.subList(0, count);
    }

    private boolean certifyOnce(DomainKey key, List<String> ids) throws Exception {
        if (app.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                instanceof CertificationService.Outcome.Certified done) {
            ids.add(done.snapshot().submissionId());
            return true;
        }
        return false;
    }

    /** The receipt an office's outbox keeps for a delivered submission. */
    static Receipt receiptOf(Store store, String submissionId) throws Exception {
        byte[] bytes = one(store, "SELECT receipt FROM outbox_item WHERE submission_id = ?", submissionId);
        if (bytes == null) {
            throw new AssertionError("no receipt for " + submissionId);
        }
        return WireCodec.read(bytes, Receipt.class);
    }

    /** The digest the office stored when it certified a submission. */
    static String digestOf(Store store, String submissionId) throws Exception {
        byte[] bytes = one(store, "SELECT digest FROM certified_snapshot WHERE submission_id = ?", submissionId);
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first column of the office's row of a submission, as bytes; null when there is none. */
    private static byte[] one(Store store, String sql, String submissionId) throws Exception {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, submissionId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
    }

    /** One number the server's database answers. */
    long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Closes the office's store, so that another process can open its folder. */
    void closeApp() {
        if (!appClosed) {
            appClosed = true;
            app.close();
        }
    }

    @Override
    public void close() {
        closeApp();
        server.close();
    }
}
