package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaStreams;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a function class's reads of {@code System.out}/{@code System.err}, its calls to {@code
 * System.setOut}/{@code setErr} and {@code Thread.set/getDefaultUncaughtExceptionHandler} (direct
 * calls and method references) into calls to its environment's {@link LambdaStreams}: one JVM, so
 * those are JVM-wide, while in Lambda they are the function's own. A step after {@link
 * SystemCallRewriter}; classes that mention none of them are returned untouched without parsing.
 */
final class OutputCallRewriter {
  static final String TARGET = Type.getInternalName(LambdaStreams.class);
  private static final String PRINT_STREAM = "Ljava/io/PrintStream;";
  private static final String HANDLER = "DefaultUncaughtExceptionHandler";
  // Whole constant-pool strings every rewritten call needs: the streams' field type,
  // setOut/setErr's
  // descriptor, the handler methods' names.
  private static final ConstantPoolMarkers MARKERS = markers();

  private OutputCallRewriter() {}

  static byte[] rewrite(byte[] classFile) {
    if (!MARKERS.mentionedIn(classFile)) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] changed = {false};
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(
                Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
              @Override
              public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                if (opcode == Opcodes.GETSTATIC
                    && owner.equals("java/lang/System")
                    && desc.equals(PRINT_STREAM)
                    && (field.equals("out") || field.equals("err"))) {
                  changed[0] = true; // same stack effect: one PrintStream pushed
                  super.visitMethodInsn(
                      Opcodes.INVOKESTATIC, TARGET, field, "()" + PRINT_STREAM, false);
                } else {
                  super.visitFieldInsn(opcode, owner, field, desc);
                }
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String method, String desc, boolean isInterface) {
                if (opcode == Opcodes.INVOKESTATIC && isReplaced(owner, method, desc)) {
                  changed[0] = true;
                  super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, method, desc, false);
                } else {
                  super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                }
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String name, String desc, Handle bootstrap, Object... arguments) {
                for (int i = 0; i < arguments.length; i++) {
                  if (arguments[i] instanceof Handle handle
                      && handle.getTag() == Opcodes.H_INVOKESTATIC
                      && isReplaced(handle.getOwner(), handle.getName(), handle.getDesc())) {
                    changed[0] = true;
                    arguments[i] =
                        new Handle(
                            Opcodes.H_INVOKESTATIC,
                            TARGET,
                            handle.getName(),
                            handle.getDesc(),
                            false);
                  }
                }
                super.visitInvokeDynamicInsn(name, desc, bootstrap, arguments);
              }
            };
          }
        },
        0);
    return changed[0] ? writer.toByteArray() : classFile;
  }

  private static boolean isReplaced(String owner, String name, String descriptor) {
    return owner.equals("java/lang/System")
            && (name.equals("setOut") || name.equals("setErr"))
            && descriptor.equals("(" + PRINT_STREAM + ")V")
        || owner.equals("java/lang/Thread")
            && (name.equals("set" + HANDLER) || name.equals("get" + HANDLER));
  }

  private static ConstantPoolMarkers markers() {
    ConstantPoolMarkers markers = new ConstantPoolMarkers();
    markers.always(PRINT_STREAM);
    markers.always("(" + PRINT_STREAM + ")V");
    markers.always("set" + HANDLER);
    markers.always("get" + HANDLER);
    return markers;
  }
}
