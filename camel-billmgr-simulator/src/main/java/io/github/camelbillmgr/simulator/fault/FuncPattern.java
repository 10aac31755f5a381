package io.github.camelbillmgr.simulator.fault;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which calls a fault rule applies to: {@code null} or {@code "*"} every call (also one
 * without {@code func}), a name exactly that function, and a name with {@code *} a glob, e.g.
 * {@code "*.order.param"} for every order function, {@code "vds.*"} for the vds functions.
 */
final class FuncPattern {

    private final String text;
    private final Pattern glob;

    private FuncPattern(String text, Pattern glob) {
        this.text = text;
        this.glob = glob;
    }

    static FuncPattern of(String func) {
        if (func == null || func.equals("*")) {
            return new FuncPattern("*", null);
        }
        if (!func.contains("*")) {
            return new FuncPattern(func, null);
        }
        String regex = Arrays.stream(func.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return new FuncPattern(func, Pattern.compile(regex));
    }

    boolean matchesAll() {
        return text.equals("*");
    }

    boolean matches(String func) {
        if (matchesAll()) {
            return true;
        }
        if (func == null) {
            return false;
        }
        return glob == null ? text.equals(func) : glob.matcher(func).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
