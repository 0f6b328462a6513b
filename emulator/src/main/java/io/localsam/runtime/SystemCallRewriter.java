package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaSystem;
import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a function class's calls to {@code System.getenv}, {@code System.exit},
 * {@code Runtime.exit} and {@code Runtime.halt} (direct calls and method references) into calls to
 * {@link LambdaSystem}. Classes that mention none of them are returned untouched without parsing.
 */
final class SystemCallRewriter {
  static final String TARGET = Type.getInternalName(LambdaSystem.class);
  private static final byte[][] MARKERS = {bytes("getenv"), bytes("exit"), bytes("halt")};

  private SystemCallRewriter() {}

  static byte[] rewrite(byte[] classFile) {
    if (!mentionsAny(classFile)) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] changed = {false};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return new MethodVisitor(Opcodes.ASM9, next) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
            String replacement = replacement(opcode, owner, method, desc);
            if (replacement != null) {
              changed[0] = true;
              super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, method, replacement, false);
            } else {
              super.visitMethodInsn(opcode, owner, method, desc, isInterface);
            }
          }

          @Override
          public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
            for (int i = 0; i < arguments.length; i++) {
              if (arguments[i] instanceof Handle handle) {
                int opcode = switch (handle.getTag()) {
                  case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                  case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                  default -> -1;
                };
                String replacement = replacement(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
                if (replacement != null) {
                  changed[0] = true;
                  arguments[i] = new Handle(Opcodes.H_INVOKESTATIC, TARGET, handle.getName(), replacement, false);
                }
              }
            }
            super.visitInvokeDynamicInsn(name, desc, bootstrap, arguments);
          }
        };
      }
    }, 0);
    return changed[0] ? writer.toByteArray() : classFile;
  }

  /** The descriptor of the LambdaSystem method that replaces this call, or null to leave it. */
  private static String replacement(int opcode, String owner, String name, String descriptor) {
    if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")) {
      if (name.equals("getenv") || (name.equals("exit") && descriptor.equals("(I)V"))) {
        return descriptor;
      }
    }
    if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime") && descriptor.equals("(I)V")
        && (name.equals("exit") || name.equals("halt"))) {
      return "(Ljava/lang/Runtime;I)V";
    }
    return null;
  }

  private static boolean mentionsAny(byte[] classFile) {
    for (byte[] marker : MARKERS) {
      if (indexOf(classFile, marker) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
