package org.infodesk.protocol.wire;

/**
 * The stable codes of the HTTP protocol's problems ({@code SPEC.md} §4.9): each with the HTTP
 * status it is answered with, a title, and its message in Thai and English. A client acts on the
 * code, never on the title or the status alone.
 */
public enum ProblemCode {
    UNSUPPORTED_PROTOCOL(400, "Unsupported protocol version",
            "เครื่องแม่ข่ายไม่รองรับโปรโตคอลรุ่นนี้ กรุณาปรับปรุงโปรแกรม",
            "The server does not speak this protocol version. Please update the program."),
    MALFORMED_JSON(400, "Malformed JSON",
            "ข้อมูลที่ส่งไม่ใช่ JSON ที่ถูกต้อง", "The body is not valid JSON."),
    UNKNOWN_FIELD(400, "Unknown field",
            "ข้อมูลที่ส่งมีช่องที่ไม่รู้จัก", "The body has a member the protocol does not define."),
    MISSING_FIELD(400, "Missing field",
            "ข้อมูลที่ส่งขาดช่องที่จำเป็น", "The body lacks a required member."),
    WRONG_TYPE(400, "Wrong type",
            "ข้อมูลที่ส่งมีช่องที่ชนิดไม่ถูกต้อง", "A member of the body has the wrong JSON type."),
    BAD_VALUE(400, "Bad value",
            "ข้อมูลที่ส่งมีค่าไม่ถูกต้อง", "A member of the body is outside its form."),
    BAD_GZIP(400, "Not gzip",
            "ข้อมูลที่ส่งไม่ได้บีบอัดแบบ gzip ที่ถูกต้อง", "The body is not a valid gzip stream."),
    BAD_CURSOR(400, "Bad cursor",
            "ตำแหน่งการรับข้อมูลไม่ถูกต้อง จะเริ่มรับใหม่ตั้งแต่ต้น", "The cursor is not one this server gave; pull again from the start."),
    BAD_REQUEST(400, "Bad request",
            "คำขอไม่ถูกต้องตามรูปแบบ HTTP", "The request is not well-formed HTTP."),
    UNAUTHENTICATED(401, "Unauthenticated",
            "เครื่องนี้ยังไม่ได้ลงทะเบียน หรือรหัสเข้าใช้ไม่ถูกต้อง กรุณาลงทะเบียนเครื่องใหม่",
            "This device is not enrolled or its token is not valid. Please enrol the device again."),
    DEVICE_REVOKED(403, "Device revoked",
            "เครื่องนี้ถูกเพิกถอนสิทธิ์แล้ว กรุณาติดต่อผู้ดูแลระบบส่วนกลาง",
            "This device has been revoked. Please contact the central administrators."),
    BAD_ENROLMENT_CODE(403, "Bad enrolment code",
            "รหัสลงทะเบียนไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุ", "The enrolment code is unknown, used or expired."),
    NOT_FOUND(404, "Not found",
            "ไม่พบสิ่งที่ขอ", "There is no such resource."),
    METHOD_NOT_ALLOWED(405, "Method not allowed",
            "ไม่รองรับคำขอแบบนี้", "The resource does not take this method."),
    BODY_TOO_LARGE(413, "Body too large",
            "ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด กรุณาส่งเป็นชุดที่เล็กลง", "The body is larger than the limit; send smaller batches."),
    INFLATED_TOO_LARGE(413, "Inflated body too large",
            "ข้อมูลที่ส่งเมื่อขยายแล้วมีขนาดใหญ่เกินกำหนด", "The body inflates to more than the limit."),
    TOO_MANY_ITEMS(413, "Too many items",
            "ชุดข้อมูลมีจำนวนรายการเกินกำหนด กรุณาส่งเป็นชุดที่เล็กลง", "The batch has more items than the limit; send smaller batches."),
    URI_TOO_LONG(414, "URI too long",
            "ที่อยู่ของคำขอยาวเกินกำหนด", "The request URI is longer than the server takes."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type",
            "รูปแบบข้อมูลที่ส่งไม่ถูกต้อง", "The body's content type or encoding is not the one the route takes."),
    RATE_LIMITED(429, "Too many requests",
            "ส่งข้อมูลถี่เกินไป โปรแกรมจะลองใหม่ภายหลัง", "Too many requests from this device; the program will try again later."),
    HEADERS_TOO_LARGE(431, "Headers too large",
            "ส่วนหัวของคำขอมีขนาดใหญ่เกินกำหนด", "The request headers are larger than the server takes."),
    INTERNAL(500, "Internal error",
            "เครื่องแม่ข่ายขัดข้อง โปรแกรมจะลองใหม่ภายหลัง", "The server failed; the program will try again later."),
    UNAVAILABLE(503, "Unavailable",
            "เครื่องแม่ข่ายไม่พร้อมให้บริการชั่วคราว โปรแกรมจะลองใหม่ภายหลัง", "The server is unavailable for now; the program will try again later.");

    /** The prefix of every problem's {@code type} URI; the code follows it. */
    public static final String TYPE_PREFIX = "urn:infodesk:problem:";

    private final int status;
    private final String title;
    private final String thai;
    private final String english;

    ProblemCode(int status, String title, String thai, String english) {
        this.status = status;
        this.title = title;
        this.thai = thai;
        this.english = english;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The {@code type} URI of RFC 9457 for this code. */
    public String type() {
        return TYPE_PREFIX + name();
    }

    public LocalText messages() {
        return new LocalText(thai, english);
    }

    /** Whether the client should send the same request again later (after {@code Retry-After}, with back-off). */
    public boolean retryLater() {
        return status == 429 || status >= 500;
    }
}
