package org.govtrust.ca.adapter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.govtrust.ca.spi.BusinessRegistry;
import org.govtrust.shared.Simulator;
import org.springframework.core.io.ClassPathResource;

/**
 * The business-registry simulator, driven by {@code classpath:simulator/enterprises.csv}
 * (fictional businesses whose legal representatives are people of the identity simulator).
 */
@Simulator
public class SimulatedBusinessRegistry implements BusinessRegistry {

	private final Map<String, RegisteredBusiness> byCode = new LinkedHashMap<>();

	SimulatedBusinessRegistry() throws IOException {
		ClassPathResource resource = new ClassPathResource("simulator/enterprises.csv");
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", -1);
				this.byCode.put(f[0].strip(),
						new RegisteredBusiness(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
			}
		}
	}

	@Override
	public Optional<RegisteredBusiness> find(String creditCode) {
		return Optional.ofNullable(this.byCode.get(creditCode));
	}

}
