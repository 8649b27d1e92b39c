package org.advrisk.spark;

import org.advrisk.experiment.Engine;

/** Makes {@link SparkEngine}s: {@code --engine spark} (listed in META-INF/services). */
public final class SparkEngineProvider implements Engine.Provider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine open(Engine.Options options) {
        return SparkEngine.start(options);
    }
}
