package cn.perftarget.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * At the end of a test run, how many requests and responses were held to the OpenAPI description, printed and
 * written to target/api-contract.txt once the test JVM's launcher session closes (META-INF/services).
 */
public class ApiContractTally implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (ApiContract.requests() == 0) {
            return;
        }
        String tally = "OpenAPI contract: " + ApiContract.requests() + " requests and " + ApiContract.responses()
                + " responses validated against /v3/api-docs; " + ApiContract.refusedAsDescribed()
                + " requests the description forbids were refused with a 4xx; " + ApiContract.outsideDescription()
                + " calls outside the description (unknown paths and methods); " + ApiContract.broken().size()
                + " disagreements" + System.lineSeparator()
                + String.join(System.lineSeparator(), ApiContract.broken()) + System.lineSeparator();
        System.out.println(tally);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "api-contract.txt"), tally);
        } catch (IOException e) {
            System.err.println("Cannot write target/api-contract.txt: " + e.getMessage());
        }
    }
}
