package org.infodesk.protocol.bundle;

import java.util.Locale;
import org.infodesk.protocol.definition.ProblemMessages;

/**
 * Why a bundle file was refused ({@code SPEC.md} §5.5): what kind of problem, the file (its name
 * as the user sees it) and the detail (the entry, the limit, the submission).
 */
public record BundleProblem(Code code, String file, String detail) {

    /** Each kind of problem a bundle can have. */
    public enum Code {
        /** The file cannot be read (missing, no permission, a disk error). */
        UNREADABLE,
        /** Not a zip file, or a damaged one. */
        NOT_A_ZIP,
        /** The file as stored is over {@link BundleLimits#maxFileBytes()}. */
        FILE_TOO_LARGE,
        /** An entry name that would leave the bundle's folder: {@code ..}, absolute, a drive, a backslash. */
        UNSAFE_ENTRY_NAME,
        /** An entry the format does not name (another folder, another file name). */
        UNEXPECTED_ENTRY,
        /** The same entry name twice. */
        DUPLICATE_ENTRY,
        /** More entries than {@link BundleLimits#maxEntries()}. */
        TOO_MANY_ENTRIES,
        /** One entry expands past {@link BundleLimits#maxEntryBytes()}. */
        ENTRY_TOO_LARGE,
        /** All entries together expand past {@link BundleLimits#maxTotalBytes()}. */
        TOTAL_TOO_LARGE,
        /** The manifest expands past {@link BundleLimits#maxManifestBytes()}. */
        MANIFEST_TOO_LARGE,
        /** No {@code manifest.json} as the first entry. */
        MISSING_MANIFEST,
        /** The manifest is not the JSON §5.2 describes. */
        BAD_MANIFEST,
        /** A manifest format this program does not read. */
        UNSUPPORTED_FORMAT,
        /** A bundle of the other kind (receipts where submissions were expected, or the reverse). */
        WRONG_KIND,
        /** The manifest lists an entry the zip does not hold. */
        MISSING_ENTRY,
        /** The zip holds an entry the manifest does not list. */
        UNLISTED_ENTRY,
        /** An entry's bytes do not have the SHA-256 the manifest gives. */
        ENTRY_DIGEST_MISMATCH,
        /** An envelope that does not read or verify (§3.7, §3.4), or that is not the entry's submission. */
        BAD_ENVELOPE,
        /** An envelope or receipt of another LAO than the manifest's. */
        WRONG_LAO,
        /** An envelope whose key id is not that of the manifest's device key. */
        KEY_MISMATCH,
        /** A receipt that does not read, does not verify with the pinned server key, or names no item here. */
        BAD_RECEIPT,
        /** A bundle of an LAO outside the district of the relaying device. */
        OUTSIDE_DISTRICT,
        /** A submission id already held with another digest. */
        ID_REUSED
    }

    private static final String BUNDLE = "org.infodesk.protocol.bundle.messages";

    /** The message in the user's language (Thai unless the locale is English). */
    public String message(Locale locale) {
        return ProblemMessages.format(BUNDLE, "bundle.", code, locale, file, detail);
    }

    @Override
    public String toString() {
        return code + " in " + file + ": " + detail;
    }
}
