package org.advrisk.report;

import java.util.List;
import java.util.Optional;
import org.advrisk.stats.Criterion;
import org.advrisk.stats.Verdict;

/** Pieces of the first screen's sentences: a condition's estimate with its interval, found by name. */
final class Sentences {
    private Sentences() {
    }

    /** The first condition of the verdicts whose name starts with the prefix. */
    static Optional<Criterion> find(List<Verdict> vs, String prefix) {
        for (Verdict v : vs) {
            for (Criterion c : v.criteria()) {
                if (c.name().startsWith(prefix)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** "33.5 [16.7, 59.4]" (three significant digits; no interval: the estimate alone). */
    static String value(Criterion c) {
        String est = RunData.fmt(c.interval().estimate());
        return c.interval().defined() ? est + " [" + RunData.fmt(c.interval().lo()) + ", " + RunData.fmt(c.interval().hi())
                + "]" : est + " (no interval)";
    }

    /** The value of the first condition with that prefix, or "n/a". */
    static String value(List<Verdict> vs, String prefix) {
        return find(vs, prefix).map(Sentences::value).orElse("n/a");
    }

    /** "name = value" of a condition. */
    static String named(Criterion c) {
        return c.name() + " = " + value(c);
    }

    /** A number of a verdict's numbers by name, formatted, or "n/a". */
    static String number(List<Verdict> vs, String name) {
        for (Verdict v : vs) {
            var x = v.numbers().value(name);
            if (x.isPresent()) {
                return RunData.fmt(x.getAsDouble());
            }
        }
        return "n/a";
    }

    /** An integer of a verdict's numbers by name, or "n/a". */
    static String integer(List<Verdict> vs, String name) {
        for (Verdict v : vs) {
            var x = v.numbers().value(name);
            if (x.isPresent()) {
                return Long.toString(Math.round(x.getAsDouble()));
            }
        }
        return "n/a";
    }

    /** The generic sentence: per verdict its first two conditions (or its numbers when it has none). */
    static String generic(List<Verdict> vs) {
        StringBuilder b = new StringBuilder();
        for (Verdict v : vs) {
            if (b.length() > 0) {
                b.append(" ");
            }
            b.append(capitalise(v.claim())).append(": ");
            List<Criterion> cs = v.criteria();
            if (cs.isEmpty()) {
                b.append(VerdictText.numbers(v));
            } else {
                b.append(String.join("; ", cs.subList(0, Math.min(2, cs.size())).stream().map(Sentences::named)
                        .toList()));
            }
            b.append(".");
        }
        return b.toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
