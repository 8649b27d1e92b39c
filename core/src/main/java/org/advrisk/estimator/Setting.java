package org.advrisk.estimator;

import java.util.List;

/**
 * A setting of an estimator beside its path parameter (gd's step size η, advtrain's training attack):
 * its name (flag {@code --NAME}, spec field with {@code -} as {@code _}), what it means, its default
 * ("" = required) and, for a choice, the allowed words.
 *
 * @param name         the flag's name
 * @param help         one line
 * @param defaultValue the default, "" when required
 * @param choices      the allowed words (empty for a number)
 */
public record Setting(String name, String help, String defaultValue, List<String> choices) {
    public Setting {
        choices = List.copyOf(choices);
    }
}
