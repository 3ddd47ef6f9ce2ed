package cn.perftarget.peer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A plain Camunda 7 Spring Boot application serving Camunda's engine REST API on the product's own models: the peer
 * the lifecycle benchmark compares our HTTP API with. It holds no application logic; {@link ModelBeans} are the
 * trivial stand-ins the models' expressions need in order to run at all.
 */
@SpringBootApplication
public class PeerApplication {

    private static final Logger log = LoggerFactory.getLogger(PeerApplication.class);

    /** The models a declaration's lifecycle uses (FourLevelApproval and ExpertPanelApproval are other templates'). */
    static final List<String> MODELS = List.of("DeclarationApproval.bpmn", "SubmissionDeadline.bpmn",
            "ExpertReviewRouting.dmn");

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    /** Deploys the models from the folder given (the repository's processes/), as they ship, in one deployment. */
    @Bean
    ApplicationRunner deployModels(RepositoryService repository, @Value("${peer.processes}") Path folder) {
        return args -> {
            var deployment = repository.createDeployment().name("perftarget-models").enableDuplicateFiltering(true);
            for (String model : MODELS) {
                try (InputStream in = Files.newInputStream(folder.resolve(model))) {
                    deployment.addInputStream(model, in);
                }
            }
            log.info("deployed {} from {}: {}", MODELS, folder.toAbsolutePath(), deployment.deploy().getId());
        };
    }
}
