package io.github.camelbillmgr.simulator.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a getter of {@link SimSettings} as a setting and says what it does, for the standalone server's
 * {@code --help} and the control plane's settings listing. The text repeats the getter's javadoc in plain words.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Setting {

    String value();
}
