package org.govtrust.shared.persistence;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC writes table and column names unquoted, so the same lower-case
 * snake_case schema works on H2 (PostgreSQL mode, {@code DATABASE_TO_LOWER}) and on
 * PostgreSQL. Quoted names would follow each dialect's own case and differ.
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration {

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

}
