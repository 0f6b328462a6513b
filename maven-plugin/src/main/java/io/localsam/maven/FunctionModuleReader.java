package io.localsam.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.apache.maven.project.ProjectBuildingResult;
import org.eclipse.aether.graph.Dependency;

/**
 * Reads a function module's POM in the running Maven session (parents, properties, profiles, the
 * user's settings and repositories all count) and resolves its compile class path, without starting
 * another Maven.
 */
final class FunctionModuleReader {
  private static final Set<String> COMPILE_SCOPES = Set.of("compile", "provided", "system");

  private final MavenSession session;
  private final ProjectBuilder projectBuilder;

  FunctionModuleReader(MavenSession session, ProjectBuilder projectBuilder) {
    this.session = session;
    this.projectBuilder = projectBuilder;
  }

  FunctionModule read(Path folder) throws MojoFailureException {
    ProjectBuildingRequest request =
        new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
    request.setResolveDependencies(true);
    request.setProject(null);
    ProjectBuildingResult result;
    try {
      result = projectBuilder.build(folder.resolve("pom.xml").toFile(), request);
    } catch (ProjectBuildingException e) {
      throw new MojoFailureException(
          folder.getFileName()
              + ": cannot read "
              + folder.resolve("pom.xml")
              + ": "
              + e.getMessage().strip());
    }
    MavenProject project = result.getProject();
    DependencyResolutionResult dependencies = result.getDependencyResolutionResult();
    if (dependencies != null && !dependencies.getUnresolvedDependencies().isEmpty()) {
      throw new MojoFailureException(
          folder.getFileName()
              + ": cannot resolve "
              + dependencies.getUnresolvedDependencies()
              + (dependencies.getCollectionErrors().isEmpty()
                  ? ""
                  : ": " + dependencies.getCollectionErrors().get(0).getMessage()));
    }
    List<Path> classpath = new ArrayList<>();
    if (dependencies != null) {
      for (Dependency dependency : dependencies.getDependencies()) {
        if (COMPILE_SCOPES.contains(dependency.getScope())
            && dependency.getArtifact().getFile() != null) {
          classpath.add(dependency.getArtifact().getFile().toPath());
        }
      }
    }
    List<Path> sources = project.getCompileSourceRoots().stream().map(Path::of).toList();
    List<Path> resources =
        project.getResources().stream().map(Resource::getDirectory).map(Path::of).toList();
    return new FunctionModule(
        folder,
        folder.getFileName().toString(),
        sources,
        resources,
        Path.of(project.getBuild().getOutputDirectory()),
        classpath,
        CompilerSettings.of(project));
  }
}
