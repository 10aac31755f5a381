package io.github.camelbillmgr.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Renders one page of a synthetic service list in BILLmanager's dialect (the simulator's JSON and XML shapes), each
 * row computed from its number, so that a million-row list needs no state and every page has its own ids.
 */
final class ListPages {

    private ListPages() {
    }

    static byte[] page(String format, int total, int page, int pageSize) {
        int from = (page - 1) * pageSize;
        int to = Math.min(total, from + pageSize);
        StringBuilder out = new StringBuilder(Math.max(0, to - from) * 420 + 256);
        if ("xml".equals(format)) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc lang=\"en\" func=\"vds\">");
            for (int i = from; i < to; i++) {
                xmlRow(out, i + 1L);
            }
            out.append("<p_elems>").append(total).append("</p_elems><p_num>").append(page).append("</p_num><p_cnt>")
                    .append(pageSize).append("</p_cnt></doc>\n");
        } else {
            out.append("{\"doc\":{\"$lang\":\"en\",\"$func\":\"vds\",\"elem\":[");
            for (int i = from; i < to; i++) {
                if (i > from) {
                    out.append(',');
                }
                jsonRow(out, i + 1L);
            }
            out.append("],\"p_elems\":{\"$\":\"").append(total).append("\"},\"p_num\":{\"$\":\"").append(page)
                    .append("\"},\"p_cnt\":{\"$\":\"").append(pageSize).append("\"}}}");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void jsonRow(StringBuilder out, long id) {
        out.append("{\"id\":{\"$\":\"").append(id).append("\"},\"domain\":{\"$\":\"vps-").append(id)
                .append(".example.com\"},\"ip\":{\"$\":\"10.").append(id >> 16 & 255).append('.').append(id >> 8 & 255)
                .append('.').append(id & 255).append("\"},\"pricelist\":{\"$\":\"VDS-1\"},")
                .append("\"pricelist_id\":{\"$\":\"6\"},\"period\":{\"$\":\"1\"},")
                .append("\"opendate\":{\"$\":\"2026-01-01\"},\"expiredate\":{\"$\":\"2027-01-01\"},")
                .append("\"autoprolong\":{\"$\":\"1\"},\"status\":{\"$\":\"2\"},\"item_status\":{\"$\":\"Active\"},")
                .append("\"cost\":{\"$\":\"5.00 EUR\"},\"remoteid\":{\"$\":\"crm-").append(id).append("\"}}");
    }

    private static void xmlRow(StringBuilder out, long id) {
        out.append("<elem><id>").append(id).append("</id><domain>vps-").append(id)
                .append(".example.com</domain><ip>10.")
                .append(id >> 16 & 255).append('.').append(id >> 8 & 255).append('.').append(id & 255)
                .append("</ip><pricelist>VDS-1</pricelist><pricelist_id>6</pricelist_id><period>1</period>")
                .append("<opendate>2026-01-01</opendate><expiredate>2027-01-01</expiredate><autoprolong>1</autoprolong>")
                .append("<status>2</status><item_status>Active</item_status><cost>5.00 EUR</cost><remoteid>crm-")
                .append(id).append("</remoteid></elem>");
    }
}
