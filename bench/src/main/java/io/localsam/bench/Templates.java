package io.localsam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SAM templates with N copies of the sample's HelloWorldFunction, each on its own REST route
 * ({@code GET /hello1} ... {@code /helloN}), all pointing at the sample's code folder: start-up and
 * idle memory should grow slowly with N, since nothing is loaded before a function's first request.
 */
final class Templates {
  private Templates() {}

  static Path write(Path folder, int functions, Path codeFolder) throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Description: %d copies of the sample's HelloWorldFunction, for LocalSAM's start-up bench

        Globals:
          Function:
            Timeout: 20
            MemorySize: 512

        Resources:
        """
                .formatted(functions));
    for (int i = 1; i <= functions; i++) {
      yaml.append(
          """
            Hello%d:
              Type: AWS::Serverless::Function
              Properties:
                CodeUri: '%s'
                Handler: helloworld.App::handleRequest
                Runtime: java17
                Environment:
                  Variables:
                    PARAM1: VALUE
                Events:
                  Hello:
                    Type: Api
                    Properties:
                      Path: /hello%d
                      Method: get
          """
              .formatted(i, codeFolder.toAbsolutePath(), i));
    }
    Path file = folder.resolve("template-" + functions + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
