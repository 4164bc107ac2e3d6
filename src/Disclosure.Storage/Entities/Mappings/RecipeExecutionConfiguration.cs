using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class RecipeExecutionConfiguration : IEntityTypeConfiguration<RecipeExecution>
{
    public void Configure(EntityTypeBuilder<RecipeExecution> execution)
    {
        execution.ToTable("RecipeExecutions");
        execution.HasKey(e => e.Id);
        execution.Property(e => e.RecipeName).HasMaxLength(100);
        execution.Property(e => e.Hash).HasMaxLength(64);
    }
}
