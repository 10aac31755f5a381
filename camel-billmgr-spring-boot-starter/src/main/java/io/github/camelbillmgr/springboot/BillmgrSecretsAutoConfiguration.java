package io.github.camelbillmgr.springboot;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the billmgr component's secret options (the password) in the actuator's configprops and env endpoints even
 * when an application shows their values ({@code management.endpoint.configprops.show-values=always}), which
 * otherwise only masks what a {@link SanitizingFunction} tells it to.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class BillmgrSecretsAutoConfiguration {

    @Bean
    public SanitizingFunction billmgrSecretsSanitizer() {
        return BillmgrSecretsAutoConfiguration::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        return data.getValue() != null && isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    /**
     * The env endpoint names the whole property ({@code camel.component.billmgr.password}, in any relaxed form);
     * configprops only the bean's property ({@code password}), which is masked for every bean: a value under that
     * name is a secret wherever it is.
     */
    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (String option : BillmgrComponentConfiguration.SECRET_OPTIONS) {
            String o = option.toLowerCase(Locale.ROOT);
            if (k.equals(o) || k.equals("camel.component.billmgr." + o) || k.equals("camelcomponentbillmgr" + o)) {
                return true;
            }
        }
        return false;
    }
}
