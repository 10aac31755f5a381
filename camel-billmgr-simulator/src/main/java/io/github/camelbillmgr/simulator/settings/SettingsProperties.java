package io.github.camelbillmgr.simulator.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every setting of {@link SimSettings} by name, found from its getter/setter pairs (a getter marked
 * {@link Setting}), with conversion from and to text and JSON. One list serves {@code copyFrom}, the standalone
 * server's flags and {@code --help}, the {@code settings} section of a seed file and the control plane, so a new
 * setting reaches all four by adding its getter and setter.
 */
public final class SettingsProperties {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final List<Property> ALL = discover();
    private static final Map<String, Property> BY_NAME
            = ALL.stream().collect(Collectors.toUnmodifiableMap(Property::name, Function.identity()));

    private SettingsProperties() {
    }

    /** Every setting, by name. */
    public static List<Property> all() {
        return ALL;
    }

    /** The settings that can be written as text or JSON (all but the {@code SSLContext}). */
    public static List<Property> textual() {
        return ALL.stream().filter(Property::textual).toList();
    }

    public static Optional<Property> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Copies every setting of {@code from} to {@code to}. */
    static void copy(SimSettings from, SimSettings to) {
        for (Property property : ALL) {
            property.set(to, property.get(from));
        }
    }

    /**
     * Applies a JSON object of {@code name: value} pairs; all are checked before any is applied, so a bad value
     * changes nothing.
     *
     * @throws IllegalArgumentException naming the setting and the value at fault, and what is allowed
     */
    public static void apply(SimSettings target, JsonNode values) {
        if (values == null || !values.isObject()) {
            throw new IllegalArgumentException("settings must be a JSON object of name: value pairs");
        }
        SimSettings scratch = target.copy();
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        List<Property> touched = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Property property = find(field.getKey()).filter(Property::textual)
                    .orElseThrow(() -> new IllegalArgumentException("unknown setting '" + field.getKey() + "'; known: "
                            + textual().stream().map(Property::name).collect(Collectors.joining(", "))));
            property.setJson(scratch, field.getValue());
            touched.add(property);
        }
        touched.forEach(property -> property.set(target, property.get(scratch)));
    }

    /** Every textual setting and its current value. */
    public static ObjectNode toJson(SimSettings settings) {
        ObjectNode node = MAPPER.createObjectNode();
        textual().forEach(property -> node.set(property.name(), property.json(settings)));
        return node;
    }

    private static List<Property> discover() {
        List<Property> found = new ArrayList<>();
        for (Method getter : SimSettings.class.getMethods()) {
            Setting doc = getter.getAnnotation(Setting.class);
            if (doc == null || getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            String bean = getter.getName().startsWith("is") ? getter.getName().substring(2)
                    : getter.getName().substring(3);
            Method setter = Arrays.stream(SimSettings.class.getMethods())
                    .filter(m -> m.getName().equals("set" + bean) && m.getParameterCount() == 1)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("setting " + bean + " has no setter"));
            String name = Character.toLowerCase(bean.charAt(0)) + bean.substring(1);
            found.add(new Property(name, getter.getReturnType(), doc.value(), getter, setter));
        }
        found.sort(Comparator.comparing(Property::name));
        return List.copyOf(found);
    }

    /** One setting. */
    public record Property(String name, Class<?> type, String description, Method getter, Method setter) {

        /** {@code --session-lifetime} for {@code sessionLifetime}. */
        public String flag() {
            return "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        }

        /** False only for settings that hold objects, such as the {@code SSLContext}. */
        public boolean textual() {
            return type == String.class || type == int.class || type == boolean.class || type == Duration.class
                    || type == Instant.class || type.isEnum() || Collection.class.isAssignableFrom(type);
        }

        /** What text the setting takes, for help texts and error messages. */
        public String valueHint() {
            if (type == boolean.class) {
                return "true|false";
            }
            if (type == int.class) {
                return "N";
            }
            if (type == Duration.class) {
                return "DURATION";
            }
            if (type == Instant.class) {
                return "INSTANT";
            }
            if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("|"));
            }
            if (Collection.class.isAssignableFrom(type)) {
                return "A,B,...";
            }
            return "TEXT";
        }

        public Object get(SimSettings settings) {
            try {
                return getter.invoke(settings);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read setting " + name, e);
            }
        }

        public void set(SimSettings settings, Object value) {
            try {
                setter.invoke(settings, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot write setting " + name, e);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("setting " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        }

        /** The current value as text, as {@code --help} and the banner show it. */
        public String text(SimSettings settings) {
            Object value = get(settings);
            if (value == null) {
                return type == Instant.class ? "now" : "";
            }
            if (value instanceof Duration duration) {
                return formatDuration(duration);
            }
            if (value instanceof Collection<?> collection) {
                return collection.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
            }
            return value.toString();
        }

        public JsonNode json(SimSettings settings) {
            Object value = get(settings);
            if (value == null) {
                return MAPPER.nullNode();
            }
            if (value instanceof Collection<?> collection) {
                ArrayNode array = MAPPER.createArrayNode();
                collection.stream().map(String::valueOf).sorted().forEach(array::add);
                return array;
            }
            if (value instanceof Boolean flag) {
                return MAPPER.getNodeFactory().booleanNode(flag);
            }
            if (value instanceof Integer number) {
                return MAPPER.getNodeFactory().numberNode(number);
            }
            return MAPPER.getNodeFactory().textNode(text(settings));
        }

        /** Sets the value from its text form. */
        public void setText(SimSettings settings, String text) {
            set(settings, parse(text));
        }

        /** Sets the value from JSON: its text form, a JSON boolean or number, or an array for a list. */
        public void setJson(SimSettings settings, JsonNode node) {
            if (node == null || node.isNull()) {
                set(settings, parse(""));
            } else if (node.isArray() && Collection.class.isAssignableFrom(type)) {
                List<String> values = new ArrayList<>();
                node.forEach(element -> values.add(element.asText()));
                set(settings, values);
            } else if (node.isValueNode()) {
                setText(settings, node.asText());
            } else {
                throw invalid(node.toString());
            }
        }

        private Object parse(String raw) {
            String text = raw == null ? "" : raw.trim();
            if (type == String.class) {
                return text;
            }
            if (type == boolean.class) {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw invalid(raw);
            }
            if (type == int.class) {
                try {
                    int value = Integer.parseInt(text);
                    if (value >= 0) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // the error below names the value
                }
                throw invalid(raw);
            }
            if (type == Duration.class) {
                return parseDuration(text).orElseThrow(() -> invalid(raw));
            }
            if (type == Instant.class) {
                // now (or nothing): the time the simulator is made, as when the setting is left out
                return text.isEmpty() || text.equalsIgnoreCase("now") ? null
                        : parseInstant(text).orElseThrow(() -> invalid(raw));
            }
            if (type.isEnum()) {
                String wanted = text.replace('-', '_');
                for (Object constant : type.getEnumConstants()) {
                    if (constant.toString().equalsIgnoreCase(wanted)) {
                        return constant;
                    }
                }
                throw invalid(raw);
            }
            if (Collection.class.isAssignableFrom(type)) {
                return text.isEmpty() ? List.of()
                        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            }
            throw new IllegalArgumentException("setting " + name + " cannot be written as text");
        }

        private IllegalArgumentException invalid(String raw) {
            String allowed = switch (valueHint()) {
                case "true|false" -> "true or false";
                case "N" -> "a whole number, 0 or more";
                case "DURATION" -> "a duration such as 500ms, 20s, 60m, 1h, 2d or PT1H";
                case "INSTANT" -> "an instant such as 2025-01-15T10:00:00Z, a date such as 2025-01-15, or now";
                default -> "one of " + valueHint().replace("|", ", ");
            };
            return new IllegalArgumentException("setting " + name + ": '" + raw + "' is not allowed; expected "
                    + allowed);
        }
    }

    /** {@code 500ms}, {@code 20s}, {@code 60m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT1H}). */
    public static Optional<Duration> parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            Duration parsed = Duration.parse(text);
            return parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The shortest exact form: {@code 60m}, {@code 20s}, {@code 1500ms}. */
    static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis != 0 && millis % 3_600_000 == 0 && millis / 3_600_000 < 24) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** An ISO instant, or a date meaning its midnight UTC. */
    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
