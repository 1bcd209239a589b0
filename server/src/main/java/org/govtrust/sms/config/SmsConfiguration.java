package org.govtrust.sms.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The SMS module's simulators, when switched on.
 */
@Configuration(proxyBeanMethods = false)
@Import(SmsSimulators.class)
class SmsConfiguration {

}
