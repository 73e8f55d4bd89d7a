package io.newsmon.extract;

import java.text.DateFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a date (and time, when given) in a visible date line, in the forms news pages print:
 * "30 January 2024 13:49", "January 30, 2024 1:49 PM", "2024-01-30T13:49", "30.01.2024 13:49",
 * "30 de enero de 2024", "30. Januar 2024", "30 janvier 2024 à 13h49". Month names come from the JDK's
 * locale data for the languages listed, so no table is written by hand. A time without a zone is read
 * as UTC.
 */
final class DateText {

    private static final List<Locale> LANGUAGES = List.of(
            Locale.ENGLISH,
            Locale.FRENCH,
            Locale.GERMAN,
            Locale.ITALIAN,
            Locale.forLanguageTag("es"),
            Locale.forLanguageTag("pt"),
            Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("tr"),
            Locale.forLanguageTag("sv"),
            Locale.forLanguageTag("id"));

    private static final Map<String, Integer> MONTHS = monthNames();

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{1,2}):(\\d{2})(?::\\d{2})?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}{3,})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b(\\p{L}{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b(\\d{1,2})[:h](\\d{2})(?::\\d{2})?\\s*(a\\.?m\\.?|p\\.?m\\.?|AM|PM)?", Pattern.CASE_INSENSITIVE);

    private DateText() {}

    /** The first date in {@code line}, with its time when the line gives one after the date. */
    static Optional<ZonedDateTime> find(String line) {
        if (line == null || line.length() > 200) {
            return Optional.empty();
        }
        Matcher iso = ISO.matcher(line);
        if (iso.find()) {
            return iso(iso);
        }
        Matcher m = DAY_MONTH_YEAR.matcher(line);
        if (m.find()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                return date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)), line.substring(m.end()));
            }
        }
        m = MONTH_DAY_YEAR.matcher(line);
        if (m.find()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                return date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)), line.substring(m.end()));
            }
        }
        m = NUMERIC.matcher(line);
        if (m.find()) {
            // day first, as most of the world writes it; a first number over 12 cannot be a month anyway
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int day = b > 12 ? b : a;
            int month = b > 12 ? a : b;
            return date(Integer.parseInt(m.group(3)), month, day, line.substring(m.end()));
        }
        return Optional.empty();
    }

    private static Optional<ZonedDateTime> iso(Matcher m) {
        try {
            LocalDate d = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime t = m.group(4) == null
                    ? LocalTime.MIDNIGHT
                    : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            ZoneOffset zone = m.group(6) == null
                    ? ZoneOffset.UTC
                    : ZoneOffset.of(m.group(6).equals("Z") ? "Z" : normalizeOffset(m.group(6)));
            return Optional.of(ZonedDateTime.of(LocalDateTime.of(d, t), zone));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String normalizeOffset(String offset) {
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }

    private static Optional<ZonedDateTime> date(int year, int month, int day, String rest) {
        try {
            LocalDate d = LocalDate.of(year, month, day);
            LocalTime t = LocalTime.MIDNIGHT;
            Matcher time = TIME.matcher(rest);
            if (time.find() && time.start() < 12) {
                int hour = Integer.parseInt(time.group(1));
                int minute = Integer.parseInt(time.group(2));
                String half = time.group(3) == null
                        ? ""
                        : time.group(3).toLowerCase(Locale.ROOT).replace(".", "");
                if (half.equals("pm") && hour < 12) {
                    hour += 12;
                } else if (half.equals("am") && hour == 12) {
                    hour = 0;
                }
                t = LocalTime.of(hour, minute);
            }
            return Optional.of(ZonedDateTime.of(LocalDateTime.of(d, t), ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Integer> monthNames() {
        Map<String, Integer> map = new HashMap<>();
        for (Locale locale : LANGUAGES) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
            add(map, symbols.getMonths());
            add(map, symbols.getShortMonths());
            // standalone and genitive forms (Russian, Polish) differ from the formatting ones
            for (int month = 1; month <= 12; month++) {
                for (String pattern : List.of("LLLL", "MMMM", "LLL", "MMM")) {
                    try {
                        String name = DateTimeFormatter.ofPattern(pattern, locale)
                                .format(LocalDate.of(2024, month, 1))
                                .toLowerCase(Locale.ROOT)
                                .replace(".", "");
                        if (name.length() >= 3 && !name.chars().allMatch(Character::isDigit)) {
                            map.putIfAbsent(name, month);
                        }
                    } catch (DateTimeParseException | IllegalArgumentException ignored) {
                        // a pattern a locale does not support
                    }
                }
            }
        }
        map.putIfAbsent("sept", 9);
        return Map.copyOf(map);
    }

    private static void add(Map<String, Integer> map, String[] names) {
        for (int i = 0; i < 12 && i < names.length; i++) {
            String name = names[i].toLowerCase(Locale.ROOT).replace(".", "");
            if (name.length() >= 3) {
                map.putIfAbsent(name, i + 1);
            }
        }
    }
}
