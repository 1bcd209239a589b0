package org.govtrust;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * GovTrust: identity and trust platform for online government services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class GovTrustApplication {

	public static void main(String[] args) {
		SpringApplication.run(GovTrustApplication.class, args);
	}

}
