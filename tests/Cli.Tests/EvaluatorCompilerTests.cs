using Degeneracy.Cli.CodeGen;
using Degeneracy.Series.CodeGen;
using Degeneracy.Series.Evaluation.Generated;

namespace Degeneracy.Cli.Tests;

/// <summary>`codegen`'s compile check: generated source compiles in-process and agrees with the checked-in evaluators.</summary>
public class EvaluatorCompilerTests
{
    [Fact]
    public void Compile_GeneratedSource_AgreesWithCheckedInAndValidates()
    {
        var spec = EvaluatorGenerator.CheckedIn.Single(c => c.Spec.NOrder == 1).Spec;
        var law = EvaluatorCompiler.Compile(EvaluatorGenerator.Generate(spec), spec);
        foreach (var theta in new[] { 0.0, 1e-9, 0.4, 0.6, 2.0, Math.PI })
            foreach (var n in new[] { 2.0, 64 })
            {
                Assert.Equal(LayerLawOrder1.Drift(theta, n), law.Drift(theta, n));
                Assert.Equal(LayerLawOrder1.Sigma2(theta, n), law.Sigma2(theta, n));
                Assert.Equal(LayerLawOrder1.Mu(theta, n), law.Mu(theta, n));
            }
        Assert.Equal(LayerLawOrder1.Rho(5), law.Rho(5));
        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => law.Drift(-0.1, 3)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => law.Sigma2(0.1, 1.5)).ParamName);
    }

    [Fact]
    public void Build_LowOrderSpec_CompilesAndIsCloseToDefault()
    {
        var law = EvaluatorCompiler.Build(new EvaluatorSpec(12, 1, "Scratch", "Law12"));
        Assert.Equal(12, law.ThetaOrder);
        foreach (var theta in new[] { 0.0, 0.2, 1.0, 3.0 })
            Assert.True(Math.Abs(law.Sigma2(theta, 10) - LayerLawOrder1.Sigma2(theta, 10)) < 1e-8, $"theta {theta}");
    }
}
