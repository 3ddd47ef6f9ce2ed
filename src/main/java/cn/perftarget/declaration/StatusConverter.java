package cn.perftarget.declaration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Stores a status as its code and reads it back labelled as the process models label it. Hibernate builds it
 * through Spring; the catalog is looked up on first use, after the engine it reads from has started.
 */
@Converter
class StatusConverter implements AttributeConverter<DeclarationStatus, String> {

    private final ObjectProvider<ReviewStepCatalog> catalog;

    StatusConverter(ObjectProvider<ReviewStepCatalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public String convertToDatabaseColumn(DeclarationStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public DeclarationStatus convertToEntityAttribute(String code) {
        if (code == null) {
            return null;
        }
        if (DeclarationStatus.isFixed(code)) {
            return DeclarationStatus.valueOf(code);
        }
        var steps = catalog.getIfAvailable();
        return steps == null ? DeclarationStatus.valueOf(code) : steps.status(code);
    }
}
