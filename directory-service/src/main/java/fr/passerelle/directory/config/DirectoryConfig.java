package fr.passerelle.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    Seeds seeds();

    interface Seeds {
        /** Folder holding organisations/*.yaml and platforms/*.yaml. */
        String dir();

        /** Insert seed records missing from the database at start (never overwrites edits). */
        @WithDefault("true")
        boolean enabled();
    }
}
