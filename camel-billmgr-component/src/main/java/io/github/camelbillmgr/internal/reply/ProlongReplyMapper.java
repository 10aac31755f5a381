package io.github.camelbillmgr.internal.reply;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the reply of a renewal ({@code service.prolong}, or {@code groupedit} for several services). */
public final class ProlongReplyMapper {

    private ProlongReplyMapper() {
    }

    /** The new expire date BILLmanager reports for a single service renewed at once, or null. */
    public static LocalDate newExpireDate(JsonNode root) {
        JsonNode doc = Nodes.doc(root);
        // BILLmanager nests the answer: /doc/doc/newexpiredate. Read both places.
        String date = doc.has("doc") ? Nodes.text(doc.get("doc"), "newexpiredate") : null;
        if (date == null) {
            date = Nodes.text(doc, "newexpiredate");
        }
        return ServiceMapper.parseDate(date);
    }
}
