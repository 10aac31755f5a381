package io.github.camelbillmgr.internal.input;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelbillmgr.BillmgrConfiguration;

/**
 * Checks the text of an endpoint URI's typed options (whole numbers, true/false switches, choices) before Camel
 * converts it. This is not a second copy of Camel's type conversion: measured on Camel 4.18, the conversion lets
 * {@code pageNumber=x}, {@code pageNumber=2.5}, {@code pageSize=99999999999}, {@code expiringWithinDays=1.5} and
 * {@code maxMessagesPerPoll=x} through (the endpoint is created with some other number), and refuses the rest
 * ({@code pageSize=abc}, {@code authMode=kerberos}, {@code skipBasket=yes}) as "Error binding property" without
 * naming what is allowed. Only the component's own options are checked; Camel's scheduler options keep Camel's rules
 * (e.g. {@code delay=5s}).
 */
final class OptionText {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
    /** The typed options of the configuration by lower-case name: Camel matches option names ignoring case. */
    private static final Map<String, Field> TYPED = typedOptions();

    private OptionText() {
    }

    private static Map<String, Field> typedOptions() {
        Map<String, Field> out = new HashMap<>();
        for (Field f : BillmgrConfiguration.class.getDeclaredFields()) {
            Class<?> t = f.getType();
            if (!Modifier.isStatic(f.getModifiers()) && (t == int.class || t == Integer.class || t == boolean.class
                    || t == Boolean.class || t.isEnum())) {
                out.put(f.getName().toLowerCase(Locale.ROOT), f);
            }
        }
        return out;
    }

    /**
     * @param  parameters               the endpoint's parameters as Camel parsed them from the URI
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    static void check(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            Field option = TYPED.get(e.getKey().toLowerCase(Locale.ROOT));
            // a value that is not text (set from Java or a bean reference) needs no parsing
            if (option == null || !(e.getValue() instanceof String text) || text.startsWith("#")) {
                continue;
            }
            String t = text.trim();
            Class<?> type = option.getType();
            if (type == int.class || type == Integer.class) {
                wholeNumber(option.getName(), text, t);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("Invalid " + option.getName() + " '" + text
                            + "': allowed are true and false");
                }
            } else if (Arrays.stream(type.getEnumConstants())
                    .noneMatch(c -> ((Enum<?>) c).name().equalsIgnoreCase(t))) {
                throw new IllegalArgumentException("Invalid " + option.getName() + " '" + text + "': allowed are "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> ((Enum<?>) c).name())
                                .collect(Collectors.joining(", ")));
            }
        }
    }

    private static void wholeNumber(String name, String text, String t) {
        if (!WHOLE_NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': must be a whole number");
        }
        try {
            Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': must be a whole number from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
    }
}
