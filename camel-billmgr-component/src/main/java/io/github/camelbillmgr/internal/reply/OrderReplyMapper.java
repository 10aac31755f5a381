package io.github.camelbillmgr.internal.reply;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.internal.input.ValueRules;

/**
 * Reads the reply of an order ({@code TYPE.order.param} with {@code sok}): the new service id, or the cart order it
 * went into, or the order form shown again (nothing was ordered); anything else leaves the order's outcome unknown.
 */
public final class OrderReplyMapper {

    private static final Pattern ELID_IN_REDIRECT = Pattern.compile("[?&]?elid=([0-9]+)");
    /** Fields of an order's answer; anything else in a reply without them is the order form's. */
    private static final Set<String> ANSWER_FIELDS = Set.of("ok", "id", "item.id", "billorder",
            "lineitem.id", "doc", "tparams");

    /**
     * What an order's reply says.
     *
     * @param serviceId the new service, or null
     * @param billorder the cart order it went into (when there is no service id yet), or null
     * @param form      true when BILLmanager showed the order form again instead of ordering
     */
    public record OrderReply(Long serviceId, String billorder, boolean form) {

        /** Whether the order went through without naming a service or a cart order (only {@code ok}). */
        public boolean unnamed() {
            return serviceId == null && billorder == null && !form;
        }
    }

    private OrderReplyMapper() {
    }

    /** @throws UnreadableReply when the reply says neither that the order was placed nor that it was refused */
    public static OrderReply read(JsonNode root) throws UnreadableReply {
        JsonNode doc = Nodes.doc(root);
        String idText = firstText(doc, "id", "item.id");
        if (idText == null && doc.has("doc")) {
            idText = firstText(doc.get("doc"), "id", "item.id");
        }
        if (idText != null && !ValueRules.isId(idText)) {
            String shown = idText.length() > 40 ? idText.substring(0, 40) + "..." : idText;
            throw new UnreadableReply("names '" + shown + "' as the new service id, which is not a service id (a "
                    + "positive whole number)");
        }
        Long serviceId = ServiceMapper.parseLong(idText);
        String billorder = firstText(doc, "billorder", "lineitem.id");
        if (serviceId == null && billorder == null) {
            // Some versions answer only with ok and a redirect to the new item's form: func=vds.edit&elid=N.
            Matcher m = ELID_IN_REDIRECT.matcher(String.valueOf(Nodes.text(doc, "ok")));
            if (m.find()) {
                serviceId = Long.valueOf(m.group(1));
            }
        }
        boolean named = serviceId != null || billorder != null;
        if (!named && !doc.has("ok") && !looksLikeAForm(doc)) {
            throw new UnreadableReply("says neither that the order was placed (ok, id, billorder) nor that it was "
                    + "refused (an error, or the order form)");
        }
        return new OrderReply(serviceId, serviceId == null ? billorder : null, !named && !doc.has("ok"));
    }

    private static boolean looksLikeAForm(JsonNode doc) {
        var names = doc.fieldNames();
        while (names.hasNext()) {
            if (!ANSWER_FIELDS.contains(names.next())) {
                return true;
            }
        }
        return false;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String n : names) {
            String t = Nodes.text(node, n);
            if (t != null && !t.isBlank()) {
                return t.trim();
            }
        }
        return null;
    }
}
