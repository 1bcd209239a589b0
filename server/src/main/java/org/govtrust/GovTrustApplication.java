package org.govtrust;

import org.govtrust.shared.Simulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.modulith.Modulithic;

/**
 * GovTrust: identity and trust platform for online government services.
 * <p>
 * {@code @SpringBootApplication} spelled out, to keep the built-in simulators out of the
 * component scan: each module's {@link org.govtrust.shared.SimulatorRegistrar} registers them
 * when they are switched on.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@Filter(Simulator.class) })
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class GovTrustApplication {

	public static void main(String[] args) {
		SpringApplication.run(GovTrustApplication.class, args);
	}

}
