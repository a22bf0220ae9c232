package dev.roster.confluent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.roster.spi.InvitationProviderFactory;
import dev.roster.testkit.AdapterArchitectureContract;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("provider-confluent stays a leaf: it sees core's API and its own code, no other provider")
class ConfluentArchitectureTest extends AdapterArchitectureContract {

    @Override
    protected Class<? extends InvitationProviderFactory> factory() {
        return ConfluentProviderFactory.class;
    }

    @Override
    protected Set<Class<?>> publicClasses() {
        return Set.of(ConfluentProviderFactory.class, ConfluentCloud.class);
    }

    @Test
    @DisplayName("keeps its internals to itself: only the factory reaches into dev.roster.confluent.internal")
    void internalsStayInternal() {
        noClasses().that().resideInAPackage("dev.roster.confluent").and().doNotHaveSimpleName("ConfluentProviderFactory")
                .should().dependOnClassesThat().resideInAPackage("dev.roster.confluent.internal..")
                .check(adapter());
    }
}
