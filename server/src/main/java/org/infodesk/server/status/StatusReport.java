package org.infodesk.server.status;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the LAOs of a scope stand in one fiscal year, domain by domain, as the server sees it
 * ({@link StatusService#report}); immutable, and serialisable by Jackson as it is (times as ISO
 * text) for the HTTP layer.
 *
 * @param definitionKey the questionnaire definition whose domains are the columns ({@code id/fiscalYear/version})
 * @param note          what the server cannot know: a domain certified on a PC but not delivered
 *                      shows as {@link DomainState#NOTHING}; shown at the head of every output
 * @param domains       the definition's domains, in their order
 * @param laos          every LAO of the registry in the scope, by province, district and code,
 *                      each with one {@link DomainStatus} per domain in the order of {@code domains}
 * @param districts     the counts of each district in the scope, in the order of {@code laos}
 * @param provinces     the counts of each province in the scope
 * @param total         the counts of the whole scope (province and district {@code null} unless the scope names them)
 */
public record StatusReport(int fiscalYear, String definitionKey, Scope scope, String note, List<DomainColumn> domains,
        List<LaoStatus> laos, List<AreaCount> districts, List<AreaCount> provinces, AreaCount total) {

    /** The note every status output carries. */
    public static final String NOTE = "The server knows only what was delivered: a domain certified on an LAO's PC but not"
            + " yet delivered shows as NOTHING. (เซิร์ฟเวอร์ทราบเฉพาะข้อมูลที่ส่งถึงแล้ว ด้านที่รับรองแล้วแต่ยังไม่ได้ส่งจะแสดงเป็น NOTHING)";

    public StatusReport {
        domains = List.copyOf(domains);
        laos = List.copyOf(laos);
        districts = List.copyOf(districts);
        provinces = List.copyOf(provinces);
    }

    /** One column: a domain of the definition. */
    public record DomainColumn(String id, int order, String labelTh, String labelEn) {}

    /** One LAO of the registry and its domains. */
    public record LaoStatus(String code, String nameTh, String nameEn, String province, String district,
            List<DomainStatus> domains) {

        public LaoStatus {
            domains = List.copyOf(domains);
        }
    }

    /**
     * One domain of one LAO. For {@link DomainState#NOTHING} every other member is {@code null}.
     *
     * @param revision     the head revision: the highest delivered
     * @param certifiedAt  when the device says it was certified (the signed payload's, kept in a
     *                     column at ingest; the device's clock, data only: SPEC §4.12)
     * @param receivedAt   when the server first stored the head revision, by its own clock
     * @param decidedAt    when the latest decision on the head was recorded ({@code null} while undecided)
     */
    public record DomainStatus(String domainId, DomainState state, Integer revision, UUID submissionId,
            @JsonSerialize(using = ToStringSerializer.class) Instant certifiedAt,
            @JsonSerialize(using = ToStringSerializer.class) Instant receivedAt,
            @JsonSerialize(using = ToStringSerializer.class) Instant decidedAt) {

        static DomainStatus nothing(String domainId) {
            return new DomainStatus(domainId, DomainState.NOTHING, null, null, null, null, null);
        }
    }

    /** The counts of an area (a district, a province, or the whole scope): {@code laos} in the registry, and per domain. */
    public record AreaCount(String province, String district, int laos, List<DomainCount> domains) {

        public AreaCount {
            domains = List.copyOf(domains);
        }
    }

    /**
     * How many LAOs of an area stand where in one domain.
     *
     * @param delivered LAOs that delivered at least one revision (whatever its review: {@code undecided + returned + accepted})
     * @param undecided LAOs whose head revision awaits a decision ({@link DomainState#DELIVERED})
     * @param returned  LAOs whose head revision was returned
     * @param accepted  LAOs whose head revision was accepted
     * @param nothing   LAOs that delivered nothing
     */
    public record DomainCount(String domainId, int delivered, int undecided, int returned, int accepted, int nothing) {}
}
