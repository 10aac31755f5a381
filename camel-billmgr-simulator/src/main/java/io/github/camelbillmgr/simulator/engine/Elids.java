package io.github.camelbillmgr.simulator.engine;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code elid} lists. The documented separator is comma-space ({@code 1, 2, 3}); bare commas
 * only split when the setting allows, otherwise {@code 1,2} stays one (unknown) id.
 */
public final class Elids {

    private Elids() {
    }

    public static List<String> parse(String raw, boolean bareCommas) {
        String separator = bareCommas ? "," : ", ";
        return Arrays.stream(raw.split(Pattern.quote(separator)))
                .map(String::trim).filter(token -> !token.isEmpty()).distinct().toList();
    }
}
