package org.advrisk.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advrisk.param.Choice;
import org.advrisk.param.Choices;

/** {@code GET /api/choices}: every declared string choice with its values, default and help (the page's lists). */
final class ChoiceTable {
    private ChoiceTable() {
    }

    static Map<String, Object> asMap() {
        org.advrisk.estimator.Estimators.names(); // the estimator choice's values come from the registry
        Map<String, Object> out = new LinkedHashMap<>();
        for (Choice c : Choices.ALL) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("values", c.allowedValues());
            one.put("default", c.defaultText());
            one.put("help", c.help());
            out.put(c.name(), one);
        }
        return out;
    }
}
