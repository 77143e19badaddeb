package org.infodesk.app.certify.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.infodesk.app.i18n.Messages;

/**
 * The printable certification sheet: the paper record of one certified revision of one domain
 * that the certifier signs and the office files. An A4 portrait PDF in the user's language (Thai
 * by default), set in the app's Sarabun, embedded (ADR 0004).
 *
 * <p>Making one loads OpenPDF and the fonts on first use; nothing here runs at start-up.
 */
public final class CertificationSheet {

    private final Messages messages;

    public CertificationSheet(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The sheet as PDF bytes. */
    public byte[] toPdf(SheetData data) {
        // "page x/y" needs y: a first rendering counts the pages; the footer never moves the body.
        int pages = new SheetLayout(data, messages, 0).render(OutputStream.nullOutputStream());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        new SheetLayout(data, messages, pages).render(out);
        return out.toByteArray();
    }

    public void write(SheetData data, OutputStream out) throws IOException {
        out.write(toPdf(data));
    }

    /** Writes the sheet to a file; a failure leaves no half-written file under that name. */
    public void write(SheetData data, Path file) throws IOException {
        byte[] pdf = toPdf(data);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.write(part, pdf);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
