package io.github.camelbillmgr.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with one billmgr route. Everything it needs to reach BILLmanager is in
 * application.properties (camel.component.billmgr.*, the camel-billmgr starter binds them), whose values come from
 * the environment: BILLMGR_BASE_URL, BILLMGR_USERNAME, BILLMGR_PASSWORD.
 */
@SpringBootApplication
public class BillmgrSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillmgrSpringBootApplication.class, args);
    }
}
