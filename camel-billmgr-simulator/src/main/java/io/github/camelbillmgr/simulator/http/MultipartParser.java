package io.github.camelbillmgr.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small {@code multipart/form-data} reader (what {@code curl -F} sends). Every part becomes a
 * string parameter; file parts are read as text too, which is all the API needs.
 */
public final class MultipartParser {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private MultipartParser() {
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    public static void parse(String contentType, byte[] body, Map<String, List<String>> into) {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            return;
        }
        String boundary = boundaryMatch.group(1) != null ? boundaryMatch.group(1) : boundaryMatch.group(2);
        // ISO-8859-1 maps bytes 1:1 to chars, so indexes stay byte offsets; values are re-decoded as UTF-8.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int position = raw.indexOf(delimiter);
        while (position >= 0) {
            int partStart = position + delimiter.length();
            if (raw.startsWith("--", partStart)) {
                break;
            }
            int next = raw.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                break;
            }
            readPart(raw.substring(skipLineBreak(raw, partStart), next), into);
            position = next + 2;
        }
    }

    private static int skipLineBreak(String raw, int index) {
        return raw.startsWith("\r\n", index) ? index + 2 : index;
    }

    private static void readPart(String part, Map<String, List<String>> into) {
        int headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return;
        }
        String headers = part.substring(0, headerEnd);
        Matcher name = NAME.matcher(headers);
        if (!name.find()) {
            return;
        }
        String value = part.substring(headerEnd + 4);
        String fieldName = new String(name.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        into.computeIfAbsent(fieldName, k -> new ArrayList<>())
                .add(new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
