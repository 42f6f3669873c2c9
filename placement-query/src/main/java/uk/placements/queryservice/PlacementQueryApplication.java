package uk.placements.queryservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side alone, as a service, against the same database as the command service. */
@SpringBootApplication(scanBasePackages = {"uk.placements.query", "uk.placements.edge"})
public class PlacementQueryApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PlacementQueryApplication.class, args);
    }
}
