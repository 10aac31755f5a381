package io.github.camelbillmgr.springboot;

import io.github.camelbillmgr.BillmgrComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code billmgr} component from {@code camel.component.billmgr.*}, the way camel-spring-boot's own
 * component starters do: a {@link ComponentCustomizer} that Camel applies when it creates the component, copying every
 * property that is set onto it through the component's generated configurer (so {@code {{...}}} placeholders and
 * {@code #bean} references resolve as in any Camel property). {@code camel.component.billmgr.enabled=false} turns it
 * off, {@code camel.component.billmgr.customizer.enabled=false} (or {@code camel.component.customizer.enabled=false})
 * leaves the component as Camel creates it.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, BillmgrComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, BillmgrComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.billmgr" })
public class BillmgrComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureBillmgrComponent(ApplicationContext applicationContext,
                                                         CamelContext camelContext,
                                                         BillmgrComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.billmgr.customizer")
                        && target instanceof BillmgrComponent;
            }
        };
    }
}
